// The sync server's close codes the app acts on, stated once for both ends (server/sync/
// closeCodes.ts spreads them into its full table). 4400-4499 stop the stock provider retrying.
export const SYNC_CLOSE = {
  /** an owner changed this member's role: retryable, the provider reconnects with the new role */
  roleChanged: 4511,
  /** the update did what the member's role or organisation may not (agree, endorse for another
   * organisation): resending it cannot succeed, so the provider must not retry */
  notPermitted: 4423,
} as const;
