/**
 * The offline gateway: no money leaves the database. Holds are held at once, charges and refunds are only the
 * ledger's bookings (payment-book.ts), and scooper payouts stay in their `scooper_payable` balance — there is no
 * payout account to transfer to, so `transfer` is never reached (payouts/transfers.ts finds no destination).
 */
import type { MoneyGateway } from "./gateway";

export function createLedgerGateway(): MoneyGateway {
  return {
    name: "ledger",
    hold: async () => ({ ref: null, held: true, clientSecret: null }),
    holdStatus: async () => ({ held: true }),
    capture: async () => ({ chargeRef: null }),
    releaseHold: async () => {},
    refund: async () => {},
    transfer: async () => {
      throw new Error("The ledger has no payout accounts to transfer to.");
    },
    reverseTransfer: async () => {},
    chargeSavedCard: async () => ({ ref: null }),
    chargeOf: async () => null,
  };
}
