/**
 * The table of error codes: each stable code with its English and Chinese
 * description (a data table; the error type is in `errors.ts`).
 *
 * @module
 */

/**
 * Every error code, with its English and Chinese description. The codes are
 * part of the public contract (see `docs/errors.md`): they never change
 * meaning, new ones may be added.
 */
export const ERROR_CODES = deepFreezeCodes({
  NOT_AN_OBJECT: ["the input must be a JSON object", "输入必须是对象"],
  INVALID_TYPE: ["the value has the wrong type", "取值类型错误"],
  UNKNOWN_KEY: ["unknown field", "存在未定义的字段"],
  MISSING_FIELD: ["a required field is missing", "缺少必填字段"],
  INVALID_PERIOD: ["a period must be a month written YYYY-MM", "费款所属期须为 YYYY-MM 格式的月份"],
  INVALID_DATE: ["a date must be a calendar date written YYYY-MM-DD", "日期须为 YYYY-MM-DD 格式的有效日期"],
  INVALID_CLASS: ["the industry class must be an integer from 1 to 8", "行业类别须为 1 至 8 的整数"],
  INVALID_AMOUNT: ["an amount must be a finite decimal number (a plain decimal string, a finite number or a Decimal)", "金额须为有限的十进制数（如 1234.50）"],
  NEGATIVE_AMOUNT: ["the amount must not be negative", "金额不得为负数"],
  AMOUNT_NOT_IN_FEN: ["the amount must be in whole fen (at most two decimals)", "金额须精确到分（最多两位小数）"],
  AMOUNT_OUT_OF_RANGE: [
    "the number is out of range (absolute value ≤ 10^15, ≤ 40 decimals, ≤ 64 characters)",
    "数值超出范围（绝对值不超过 10^15，最多 40 位小数、64 个字符）",
  ],
  INVALID_FRACTION: ["the fraction must be a decimal in [0, 1)", "比例须为 [0, 1) 区间内的小数"],
  INVALID_RATE: ["the rate must be a decimal in [0, 1]", "费率须为 [0, 1] 区间内的小数"],
  INVALID_MULTIPLIER: ["the floating multiplier is not a tier of this class's ladder", "浮动费率档次不在该行业类别的浮动档次之内"],
  INVALID_STEPS: ["the number of tier steps must be an integer", "浮动档次调整数须为整数"],
  TIER_STEP_TOO_LARGE: ["a review may move an employer by at most the policy's maxTierSteps tiers", "一次浮动调整不得超过政策规定的最大档数"],
  TIER_OUT_OF_RANGE: ["the move leaves the class's ladder of tiers", "调整后的档次超出该行业类别的浮动范围"],
  INVALID_NUMBER: ["the value must be a finite decimal number ≥ 0", "取值须为非负的有限十进制数"],
  NO_MATCHING_BAND: ["no band of the caller's table matches the indicators", "调用方提供的档次表中没有与指标相符的档次"],
  INVALID_RESERVE_MONTHS: ["reserve months must be a non-negative decimal", "可支付月数须为非负数"],
  POLICY_NOT_IN_FORCE: [
    "the policy is not in force for this date or period (苏府办〔2020〕86号 applies from 2020-05-01)",
    "该日期或所属期不在政策施行期内（苏府办〔2020〕86号自 2020 年 5 月 1 日起施行）",
  ],
  CUT_FRACTION_REQUIRED: [
    "the period is in the rate-cut window and the policy does not fix the cut: pass cutFraction or cityReserveMonths (wi-pooling levy: --cut-fraction or --city-reserve-months for the rows without them)",
    "所属期处于阶段性降费期内且政策未规定降费比例：请提供降费比例或市区统筹基金可支付月数（wi-pooling levy：对未填写的行使用 --cut-fraction 或 --city-reserve-months）",
  ],
  CUT_FRACTION_CONFLICT: [
    "the cut fraction given contradicts the policy's fixed fraction or the reserve months given",
    "所给降费比例与政策规定的降费比例或所给可支付月数不一致",
  ],
  ENTERPRISE_SIZE_REQUIRED: ["a relief overlay of the policy applies to this period: pass enterpriseSize", "该所属期适用减免政策：请提供企业规模"],
  PAYROLL_REQUIRED: ["give payroll or employees", "须提供缴费工资总额或职工个人缴费基数"],
  PAYROLL_CONFLICT: ["give payroll or employees, not both", "缴费工资总额与职工个人缴费基数只能提供其一，不能同时提供"],
  INVALID_BASE_BOUNDS: ["the base floor exceeds the base ceiling", "缴费基数下限高于上限"],
  POLICY_WINDOW_REVERSED: ["a window ends before it starts", "期间的截止日期早于起始日期"],
  POLICY_WINDOWS_OVERLAP: ["two versions of a parameter overlap in time", "同一参数的两个版本施行期间重叠"],
  POLICY_PARAMETER_GAP: ["a parameter has no version for part of the policy's life", "某参数在政策施行期内存在没有版本的期间"],
  PERIOD_REQUIRED: ["the parameter changes during the policy's life: give the period the figure is for", "该参数在政策施行期内有多个版本：请提供计算所属期"],
  POLICY_VERSION_CONFLICT: [
    "the data differ from the built-in policy of the same id and version: name a new version or id",
    "政策数据与同编号、同版本的内置政策不同：请使用新的版本号或政策编号",
  ],
  DUPLICATE_MEMBER: ["a pooling member is listed twice", "地区重复列出"],
  INVALID_POLICY: ["the policy is inconsistent", "政策参数不一致"],
  INVALID_WEIGHT: ["a weight must be a finite decimal ≥ 0", "分摊权重须为非负数"],
  NO_POSITIVE_WEIGHT: ["a positive total cannot be apportioned when every weight is zero", "权重全为零时无法分摊正数金额"],
  UNKNOWN_MEMBER: ["the member is not a pooling member of the policy", "该地区不在政策规定的纳入市区统筹的各地之列"],
  DUPLICATE_ENTRY: ["the same member or period is given twice", "同一地区或所属期重复出现"],
  MISSING_MEMBER: ["a pooling member of the policy is missing", "缺少政策规定的纳入市区统筹的某一地区"],
  PERIOD_OUT_OF_ORDER: ["periods must be consecutive months, each settled once, in order", "所属期须为连续月份，按序逐月结算且不得重复"],
  SCENARIO_STARTS_AFTER_OPENING: [
    "the scenario starts after the pool's opening date (二（二）: 2020-06-30)",
    "测算起始期晚于统筹基金建立日期（二（二）：2020 年 6 月 30 日）",
  ],
  REMITTANCE_AMOUNT_REQUIRED: [
    "the provincial reserve is due and neither an amount nor a policy rule gives it",
    "省级储备金应上解，但既未提供金额，政策也未规定计算办法",
  ],
  /** No longer thrown since 0.7: a remittance may be paid on any date up to its due date, a late one is flagged overdue. */
  REMITTANCE_NOT_DUE: ["provincial remittances are given for a period that is not the remittance month (June)", "非上解月份（6 月）不得提供省级储备金上解额"],
  STATEMENT_UNBALANCED: [
    "a fund statement does not balance: opening + income − expenditure + transfers in − transfers out ≠ closing",
    "基金报表不平衡：年初余额 + 收入 - 支出 + 调入 - 调出 ≠ 年末余额",
  ],
  TRANSFER_MISMATCH: ["a transfer between statements has no matching counterpart", "报表之间的调拨没有对应的另一方"],
  INTERNAL_INVARIANT: [
    "an invariant of the library's ledger failed (a defect of the library, not of the input)",
    "库内部账务不变量校验失败（属程序缺陷，与输入无关）",
  ],
  INVALID_CUT_FRACTION: [
    "the cut fraction is not one the national rule knows (the policy's rateCut.fractions, e.g. 0, 0.2 or 0.5)",
    "降费比例不是国家政策规定的档次（如 0、0.2、0.5）",
  ],
  INVALID_RESULT: [
    "a figure of the result is not one the library writes (rates: plain decimals in [0, 1]; money: two-decimal yuan within ±10^15)",
    "结果中的数值不是本库输出的格式（费率为 [0, 1] 区间内的十进制数；金额为两位小数、绝对值不超过 10^15）",
  ],
  RESERVED_KEY: [
    "a reserved name (`__proto__`, `constructor`, `prototype`, or another property of every object) cannot be an id or a key",
    "保留名称（__proto__、constructor、prototype 等所有对象共有的属性名）不能用作标识或键",
  ],
  AMOUNT_NOT_EXACT: [
    'a JSON number has more significant digits than a double holds exactly (more than 15): send amounts as strings, e.g. "100000000000000.01"',
    'JSON 数值的有效数字超过双精度浮点数能精确表示的位数（超过 15 位）：请以字符串形式发送金额，如 "100000000000000.01"',
  ],
  DUPLICATE_KEY: ["a JSON object gives the same key twice", "JSON 对象中同一键出现了两次"],
  YEAR_NOT_IN_SIMULATION: ["the simulation has no summary for that year", "测算结果中没有该年度的汇总"],
  BUDGET_ADJUSTMENT_UNAPPROVED: [
    "a budget adjustment needs an approval reference: budgets may not be adjusted at will",
    "预算调整须有报批文号：基金预算不得随意调整，确需调整，需按有关规定报批",
  ],
  INVALID_MODEL_PARAMETER: ["a parameter of the flow model is outside its range", "资金流模型参数超出取值范围"],
  INVALID_STRESS_OPTIONS: [
    "the stress test's options are invalid (runs 1 to 10^7, seed a safe integer ≥ 0, horizon 1 to 600 months, shard i/n with 0 ≤ i < n)",
    "压力测试选项有误（运行次数 1 至 10^7，随机种子为非负安全整数，测算期 1 至 600 个月，分片 i/n 且 0 ≤ i < n）",
  ],
  STRESS_SHARDS_MISMATCH: [
    "the stress-test results cannot be merged: different model, policy, seed, runs or horizon, or runs missing or given twice",
    "压力测试结果无法合并：模型、政策、随机种子、运行次数或测算期不一致，或有运行缺失、重复",
  ],
  FLOW_HISTORY_TOO_SHORT: ["fitting a flow model needs at least 24 consecutive months of figures", "估计资金流模型至少需要连续 24 个月的数据"],
  LATE_FEE_NOT_IN_POLICY: ["the policy sets no late-fee parameters (lateFees)", "该政策未规定滞纳金参数"],
  CORRECTION_MISMATCH: ["a correction's original and corrected records must be of the same period and employer", "更正前后的缴费记录须为同一所属期、同一单位"],
  DATE_ORDER: ["a date precedes one it may not precede (paidOn before knownOn)", "日期先后顺序错误（缴费日期早于发现日期）"],
  RESTATEMENT_OUT_OF_RANGE: [
    "a restatement must correct a period of the scenario and become known in a later period of it",
    "更正须针对测算期间内的所属期，且在其后的测算期间内发现",
  ],
  DUPLICATE_RESTATEMENT: ["the same figure is restated twice in one knowledge period", "同一数据在同一发现期内重复更正"],
  RESTATEMENT_BELOW_LEVIES: ["a restated income is below the premiums of the period's levy records", "更正后的基金收入低于该期缴费记录的应缴费额合计"],

  BUDGET_ADJUSTMENT_OUT_OF_YEAR: [
    "a budget adjustment must be approved within its budget year: after the year it is no adjustment of that year's budget",
    "预算调整须在预算年度内报批：年度结束后不再调整该年度预算",
  ],
} as const satisfies Record<string, readonly [string, string]>);

/** Freezes the table and each of its entries. */
function deepFreezeCodes<T extends Record<string, readonly [string, string]>>(codes: T): T {
  for (const entry of Object.values(codes)) Object.freeze(entry);
  return Object.freeze(codes);
}

/** A stable error code. */
export type ErrorCode = keyof typeof ERROR_CODES;
