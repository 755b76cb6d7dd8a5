/**
 * Work a domain function hands to its caller to run later. A server action passes one that runs the
 * work after the response is sent (lib/mail/kick.ts), so the answer does not wait for it and its
 * duration tells nothing; tests and scripts leave the default, which runs it at once.
 */
export type Defer = (work: () => Promise<void>) => void | Promise<void>;

export const runNow: Defer = (work) => work();
