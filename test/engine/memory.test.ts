import { execFileSync } from "child_process";
import path from "path";

/**
 * Issue 9.5: no call may leave more than a few MB allocated (module-level scratch buffers kept 829 MB
 * after one large FUNDBALANCE). Measured in a child `node --expose-gc`: heapUsed + arrayBuffers after a
 * full collection, before and after one large call each of FUNDBALANCE, REPAYMENT and ALLOCATE
 * (their results dropped).
 */
const script = `
const { fundProjection } = require("./src/engine/fund");
const { repayment } = require("./src/engine/repayment");
const { allocate } = require("./src/engine/allocate");
const used = () => { global.gc(); global.gc(); const m = process.memoryUsage(); return m.heapUsed + m.arrayBuffers; };
const rows = (r, n, f) => Array.from({ length: r }, (_, i) => Array.from({ length: n }, (_, t) => f(i, t)));
const disbursements = rows(500, 1000, (i, t) => (t % 10 === i % 10 ? 1000.25 : 0));
const repayments = rows(500, 1000, (i, t) => (i + t) % 97);
const savings = rows(300, 1000, (i, t) => ((i * 7 + t) % 50) + 0.5);
const weights = Array.from({ length: 200000 }, (_, i) => (i % 1000) + 1);
const before = used();
let sink = fundProjection(1e6, [1], disbursements, repayments).closing.length;
sink += repayment([1e9], savings, { share: 0.5, decimals: 2 }).length;
sink += allocate(1e9, weights, 2).length;
const after = used();
process.stdout.write(JSON.stringify({ retainedMB: (after - before) / 2 ** 20, sink }));
`;

test("issue 9.5: one large FUNDBALANCE, REPAYMENT and ALLOCATE leave less than 5 MB allocated", () => {
  const out = execFileSync(process.execPath, ["--expose-gc", "-r", "ts-node/register/transpile-only", "-e", script], {
    cwd: path.resolve(__dirname, "../.."),
    encoding: "utf8",
  });
  const { retainedMB } = JSON.parse(out) as { retainedMB: number };
  console.log(`memory retained after the calls: ${retainedMB.toFixed(2)} MB`);
  expect(retainedMB).toBeLessThan(5);
}, 120_000);
