import { describeBoardFuzz } from "./support/board-fuzz";
import { BOARD_GROUPS } from "./support/board-groups";

for (const { kind, seed } of BOARD_GROUPS.moreApis) describeBoardFuzz(kind, seed);
