import { signedInFormPost } from "@/lib/auth/signed-in-post";
import { BadRequestError } from "@/lib/errors";
import { setUserTimeZone } from "@/lib/saved-searches/queries";
import { timeZoneSchema } from "@/lib/saved-searches/schemas";
import { seeOther } from "@/lib/security/form-post";

/** POST /account/time-zone: the zone daily and weekly digests are timed in. */
export async function POST(request: Request) {
  return signedInFormPost(request, async (user, fields) => {
    const timeZone = timeZoneSchema.safeParse(fields.timeZone);
    if (!timeZone.success) throw new BadRequestError("timeZone: is not a known time zone");
    await setUserTimeZone(user.id, timeZone.data);
    return seeOther("/account/searches?updated=time-zone");
  });
}
