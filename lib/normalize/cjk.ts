/** A Chinese, Japanese or Korean character: their words carry no spaces or word boundaries. */
export const CJK_CHAR = String.raw`[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]`;

/** Whether a text has any CJK character, so CJK vocabulary is looked up only where it can match. */
export const HAS_CJK = new RegExp(CJK_CHAR, "u");
