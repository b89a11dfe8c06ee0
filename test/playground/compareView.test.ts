/** The compare tab's data without the page: the reform built from the edits, and the table's rows. */
import { describe, expect, it } from "vitest";
import { compare, diffPolicies } from "../../src/analysis.js";
import { EXAMPLE_SCENARIO } from "../../src/examples.js";
import { SUZHOU_2020 } from "../../src/index.js";
import { diffRows, firstValue, reformOf } from "../../src/playground/compareView.js";
import { expectPoolingError } from "../helpers.js";

const NONE = { floorMonths: "", clawbackRate: "", targetMonths: "" };

describe("the compare tab's reform", () => {
  it("names the fields it changed in its version; unchanged values and empty boxes change nothing", () => {
    expect(reformOf(SUZHOU_2020, NONE).version).toBe("2.0+copy");
    expect(reformOf(SUZHOU_2020, { floorMonths: "3", clawbackRate: "0.2", targetMonths: "" }).version).toBe("2.0+copy");
    expect(diffPolicies(SUZHOU_2020, reformOf(SUZHOU_2020, NONE))).toEqual([]);
    const r = reformOf(SUZHOU_2020, { floorMonths: " 4 ", clawbackRate: "", targetMonths: "5" });
    expect(r.version).toBe("2.0+floor4-target5");
    expect(diffPolicies(SUZHOU_2020, r).map((d) => [d.parameter, d.field, d.base, d.reform])).toEqual([
      ["poolFloor", "months", "3", "4"],
      ["topUp", "targetMonths", null, "5"], // absent in the base: null
    ]);
  });

  it("refuses what the policy's schema refuses (a top-up target below the floor)", () => {
    expectPoolingError(() => reformOf(SUZHOU_2020, { floorMonths: "4", clawbackRate: "", targetMonths: "3" }), "INVALID_POLICY");
  });

  it("starts the boxes at the base's values", () => {
    expect([
      firstValue(SUZHOU_2020, "poolFloor", "months"),
      firstValue(SUZHOU_2020, "clawback", "rate"),
      firstValue(SUZHOU_2020, "topUp", "targetMonths"),
    ]).toEqual(["3", "0.2", ""]);
  });
});

describe("the differences table's rows", () => {
  it("every figure of every year with its unit; none changed for a policy against itself", () => {
    const c = compare(EXAMPLE_SCENARIO, SUZHOU_2020, SUZHOU_2020);
    const rows = diffRows(c);
    const members = Object.keys(c.years[0]!.members).length;
    // per year: 10 pool figures and its risk, the members' charges together, 7 figures, risk and warning periods a member
    expect(rows).toHaveLength(c.years.length * (11 + 1 + members * 9));
    expect(rows.filter((r) => r.changed)).toEqual([]);
    expect(new Set(rows.map((r) => r.unit))).toEqual(new Set(["yuan", "months", "level", "periods"]));
    expect(rows.find((r) => r.figure === "reserveMonths")?.unit).toBe("months");
  });
});
