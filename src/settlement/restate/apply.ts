/**
 * The corrected inputs of a replay: a period's flows with a member's figure
 * replaced by its restated value. The replay then runs the same settlement
 * on them; nothing here computes a rule.
 *
 * @module
 */
import type * as z from "zod";
import { PoolingError } from "../../errors.js";
import { type Fen, fenToDec, toFen } from "../../money.js";
import type { EngineFlows } from "../flowsInput.js";
import type { RestatementSchema } from "./schema.js";

type ParsedFlows = EngineFlows;
/** A validated restatement, with its position in the scenario's list. @internal */
export type ParsedRestatement = z.output<typeof RestatementSchema> & { index: number };

/**
 * The flows of a period with one restatement applied. `levyPremiums` is the
 * premiums due of the member's levy records in the period, in fen (a restated
 * income is the member's whole income: it keeps the records, for their
 * reliefs, and moves the total given beside them).
 * @throws PoolingError `RESTATEMENT_BELOW_LEVIES`
 * @internal
 */
export function applyRestatement(flows: ParsedFlows, r: ParsedRestatement, levyPremiums: Fen): ParsedFlows {
  const member = flows.members[r.member]!;
  switch (r.field) {
    case "income": {
      const levies = levyPremiums;
      const income = toFen(r.value) - levies;
      if (income < 0n) {
        throw new PoolingError("RESTATEMENT_BELOW_LEVIES", ["restatements", r.index, "value"], {
          en: `the levy records of ${r.member} in ${r.period} are due ${fenToDec(levies).toFixed(2)}`,
          zh: `${r.member} 在 ${r.period} 的缴费记录应缴合计 ${fenToDec(levies).toFixed(2)}`,
        });
      }
      return { ...flows, members: { ...flows.members, [r.member]: { ...member, income } } };
    }
    case "expenditure":
      return { ...flows, members: { ...flows.members, [r.member]: { ...member, expenditure: toFen(r.value) } } };
    case "majorAccidentClaims": {
      const others = (flows.majorAccidentClaims ?? []).filter((c) => c.member !== r.member);
      const claims = r.value.isZero() ? others : [...others, { member: r.member, amount: toFen(r.value), note: "restated" }];
      return { ...flows, majorAccidentClaims: claims };
    }
    case "provincialRemittance":
      return { ...flows, provincialRemittances: { ...(flows.provincialRemittances ?? {}), [r.member]: toFen(r.value) } };
  }
}
