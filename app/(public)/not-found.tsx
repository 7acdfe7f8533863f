import { NotFoundNotice } from '@/components/reading/not-found-notice';

// The 404 of a reading page, such as an article URL that holds no story. The public layout already
// gives it the site's chrome, and it reads nothing per request, so an article page that answers 404
// can be cached like any other until a story is published at that address.
export default function PublicNotFound() {
  return <NotFoundNotice />;
}
