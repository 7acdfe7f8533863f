'use client';

// A newsroom page that could not be rendered, most often because the database is unreachable.
// Edits in an open editor are kept in this browser and saved when the connection returns.
export default function NewsroomError({ reset }: { error: Error; reset: () => void }) {
  return (
    <div className="panel" role="alert">
      <h1>The newsroom cannot load this page</h1>
      <p>The server could not reach what it needs, usually the database. Anything you were typing in a story is kept in this browser and saved when the connection returns.</p>
      <button type="button" className="btn" onClick={reset}>
        Try again
      </button>
    </div>
  );
}
