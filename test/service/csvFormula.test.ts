/**
 * The service's CSV answer (POST /levies with Accept: text/csv): a text cell
 * a spreadsheet would run as a formula gets a `'` before it, unless
 * `?rawCells=1`; any other value of rawCells is a 400.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startService } from "./helpers.js";

let url = "";
let close: () => Promise<void>;
beforeAll(async () => {
  const s = await startService();
  url = s.url;
  close = () => s.service.close();
});
afterAll(() => close());

const csv = 'employerId,period,industryClass,payroll\n"=HYPERLINK(""http://x"",""y"")",2021-07,2,100.00\n+1+1,2021-07,2,100.00\nE1,2021-07,2,100.00\n';
const post = (query: string) => fetch(`${url}/levies${query}`, { method: "POST", headers: { "content-type": "text/csv", accept: "text/csv" }, body: csv });
const ids = (text: string) =>
  text
    .split("\n")
    .slice(1, 4)
    .map((l) => l.slice(0, l.indexOf(",2021-07")));

describe("POST /levies as text/csv: formula cells", () => {
  it("prefixed by default (and with rawCells=0), as they are with rawCells=1", async () => {
    for (const q of ["", "?rawCells=0"]) {
      const r = await post(q);
      expect(r.status).toBe(200);
      expect(ids(await r.text())).toEqual([`"'=HYPERLINK(""http://x"",""y"")"`, "'+1+1", "E1"]);
    }
    const raw = await post("?rawCells=1");
    expect(ids(await raw.text())).toEqual([`"=HYPERLINK(""http://x"",""y"")"`, "+1+1", "E1"]);
  });
  it("rawCells=yes is a 400 INVALID_QUERY", async () => {
    const r = await post("?rawCells=yes");
    expect(r.status).toBe(400);
    expect(await r.json()).toMatchObject({ code: "INVALID_QUERY", path: ["rawCells"] });
  });
});
