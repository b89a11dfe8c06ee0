/**
 * A custom policy with definePolicy: the city fixes the cut at 50%, and a
 * hypothetical later province-wide table of base rates from 2023. Every value
 * stays dated and cited; validation refuses what does not fit.
 * Run: npx tsx examples/custom-policy.ts
 */
import { computeLevy, definePolicy, PoolingError, SUZHOU_2020 } from "suzhou-wi-pooling";

const json = JSON.parse(JSON.stringify(SUZHOU_2020));
json.id = "suzhou-2020-fixed-cut";
json.rateCut[0].value.fraction = "0.5";
json.baseRates[0].to = "2022-12-31";
json.baseRates.push({
  from: "2023-01-01",
  value: { "1": "0.002", "2": "0.004", "3": "0.007", "4": "0.009", "5": "0.011", "6": "0.013", "7": "0.016", "8": "0.019" },
  citation: { doc: "(hypothetical province-wide table)", clause: "—", note: "illustrative only" },
});
const policy = definePolicy(json);

console.log(computeLevy({ period: "2020-09", industryClass: 1, payroll: "10000" }, { policy }).premium); // the policy fixes the cut: 7.50
console.log(computeLevy({ period: "2022-12", industryClass: 3, payroll: "10000" }, { policy }).baseRate); // 0.005
console.log(computeLevy({ period: "2023-01", industryClass: 3, payroll: "10000" }, { policy }).baseRate); // 0.007

// Overlapping versions are refused, with the path of the field.
json.baseRates[0].to = "2023-06-30";
try {
  definePolicy(json);
} catch (e) {
  if (e instanceof PoolingError) console.log(e.code, e.path.join("."), e.messageZh);
  else throw e;
}
