import { createElement, type ReactNode } from 'react';
import { bodyOutput, type OutNode } from './output';
import type { Doc } from './schema';

// Renders a validated body as React elements on the server: the element tree of output.ts, the
// same one the API's HTML is written from. React escapes every text node and attribute, so the
// output can only contain the elements output.ts makes.

function toReact(node: OutNode, key: number): ReactNode {
  if (typeof node === 'string') return node;
  const { class: className, ...attrs } = node.attrs ?? {};
  const props = { key, ...attrs, ...(className !== undefined ? { className } : {}) };
  return node.children?.length ? createElement(node.tag, props, ...node.children.map(toReact)) : createElement(node.tag, props);
}

/** Renders the body; a dateline ("LIMA") opens the first paragraph, as in print. */
export function renderBody(body: Doc, options: { dateline?: string } = {}): ReactNode {
  return bodyOutput(body, options).map(toReact);
}
