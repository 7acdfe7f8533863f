// Stands in for the 'server-only' guard in tests, which run outside React Server Components.
export {};
