import { generate } from "./_gen";
import { checkTables } from "../src/domain/check";
const input = generate(100000);
for (let k = 0; k < 8; k++) checkTables(input);
