// Ports of the servers e2e files start for themselves. Two workers run files at the same time, so
// no two of these may be equal, nor the suite's own (E2E_PORT 3100, the front 3180, the embed
// provider 3195); startServerProcess refuses a port that already answers.
export const PORTS = {
  firstRun: 3150,
  embeddedStart: 3160,
  secondInstance: 3165,
  writingTogether: 3170,
  outage: 3175,
  shutdown: 3190,
  bucketFirst: 3220,
  bucketSecond: 3221,
} as const;
