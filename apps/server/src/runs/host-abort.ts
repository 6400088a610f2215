/**
 * A stop the host decided (shutdown, a worker losing its claim, the maximum run time),
 * as opposed to a user's cancel: the run ends ABORTED with this message, whatever the
 * cut made it fail with.
 */
export class HostAbort extends Error {}
