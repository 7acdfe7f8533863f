/** What a page says to someone the permission table keeps out (the data layer refused the read). */
export function NotAvailable({ reason }: { reason: string }) {
  return (
    <div className="panel" role="alert">
      <h1>Not available</h1>
      <p>{reason}</p>
    </div>
  );
}
