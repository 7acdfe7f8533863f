import 'server-only';
import { notFound } from 'next/navigation';
import { BadCursorError } from '@/lib/pagination';

/** For reading pages: a cursor we never gave out is a page that does not exist. */
export async function orNotFound<T>(read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof BadCursorError) notFound();
    throw error;
  }
}
