/**
 * The example levy file the service serves at `GET /examples/levies.csv`:
 * the package's examples/data/levies.csv, byte for byte (a test keeps the two
 * the same).
 *
 * @module
 */

/** examples/data/levies.csv. */
export const EXAMPLE_LEVIES_CSV = `employerId,period,industryClass,payroll,floatMultiplier,cutFraction,ownCutFraction,enterpriseSize
E001 精密机械,2020-09,3,2000000.00,0.8,0.2,,
E002 软件公司,2020-09,1,850000.00,1.2,0.2,0.2,
"E003 建筑工程, 一公司",2021-07,8,1234567.89,1.2,,,
E004 物流运输,2021-04,6,640000.00,1,0.5,0,
E005 小微商贸,2021-07,2,5.00,,,,
`;
