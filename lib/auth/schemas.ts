import { z } from "zod";

/** Where sign-in sends people when nothing else was asked for. */
export const DEFAULT_NEXT = "/account/searches";

export const emailSchema = z
  .string()
  .trim()
  .max(254)
  .transform((value) => value.toLowerCase())
  .pipe(z.email());

/** A path on this site only ("/x", not "//evil.example" or "/\\evil"): no open redirect. */
export const nextPathSchema = z
  .string()
  .max(2000)
  .regex(/^\/(?![/\\])[^\s\\]*$/)
  .catch(DEFAULT_NEXT);

export const signInRequestSchema = z.object({
  email: emailSchema,
  next: nextPathSchema.optional().transform((value) => value ?? DEFAULT_NEXT),
});

export const signInRedeemSchema = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/),
  next: nextPathSchema.optional().transform((value) => value ?? DEFAULT_NEXT),
});
