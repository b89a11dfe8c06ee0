/** Every test file: fast-check seeded and its runs scaled from the environment (see fc.ts). */
import { configureFastCheck } from "./fc.js";

configureFastCheck();
