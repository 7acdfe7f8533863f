import type { ReactNode } from 'react';

// The newsroom's one table: the desk, the review queue, people, the audit log, a story's history,
// the budget and the front page's versions all list rows through it, so they look, read (headers
// with scope, a row header naming each row) and wrap alike.

export type Column<T> = {
  header: string;
  cell: (row: T, index: number) => ReactNode;
  /** This column names the row: its cells are row headers. */
  names?: boolean;
  /** Figures: set right-aligned in tabular numerals. */
  numeric?: boolean;
  /** A heading for screen readers only (a column of buttons, say). */
  hiddenHeader?: boolean;
};

type Props<T> = {
  rows: readonly T[];
  columns: Column<T>[];
  rowKey: (row: T) => string;
  rowClass?: (row: T) => string | undefined;
  /** Shown instead of an empty table. */
  empty?: ReactNode;
};

export function DataTable<T>({ rows, columns, rowKey, rowClass, empty }: Props<T>) {
  if (rows.length === 0 && empty !== undefined) return <p className="panel">{empty}</p>;
  return (
    <table className="grid">
      <thead>
        <tr>
          {columns.map((column) => (
            <th scope="col" key={column.header}>
              {column.hiddenHeader ? <span className="visually-hidden">{column.header}</span> : column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => (
          <tr key={rowKey(row)} className={rowClass?.(row)}>
            {columns.map((column) =>
              column.names ? (
                <th scope="row" key={column.header}>
                  {column.cell(row, index)}
                </th>
              ) : (
                <td key={column.header} className={column.numeric ? 'num' : undefined}>
                  {column.cell(row, index)}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
