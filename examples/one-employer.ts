/**
 * One employer's premium, explained clause by clause.
 * Run: npx tsx examples/one-employer.ts
 * (Imported by the package's name, as in your code.)
 */
import { computeLevy, explain } from "suzhou-wi-pooling";

// A class-3 manufacturer, floated down one tier (0.8), in September 2020, when the city applied a 20% cut.
const levy = computeLevy({
  employerId: "E001",
  period: "2020-09",
  industryClass: 3,
  floatMultiplier: "0.8",
  payroll: "2000000.00",
  cutFraction: "0.2",
});

console.log(`premium ${levy.premium}, cut relief ${levy.cutRelief}, effective rate ${levy.effectiveRate}`);
console.log(explain(levy, { lang: "zh" }).text);
console.log(explain(levy, { lang: "en" }).text);
