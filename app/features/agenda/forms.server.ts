import { z } from "zod";

/*
 * The forms that only actions read: the sign-up buttons of the programme and of "My agenda"
 * post an intent and a session, with nothing to check in the browser. Here, on the server
 * side, so that those pages send no zod to the browser.
 */

/** The programme's buttons (the action's intents): sign up for a session, or cancel the sign-up. */
export const programmeIntents = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("signUp") }),
  z.object({ intent: z.literal("cancel") }),
]);

/** "My agenda"'s one button (its action's one intent): cancel a sign-up. */
export const myAgendaIntents = z.discriminatedUnion("intent", [z.object({ intent: z.literal("cancel") })]);

/** The session a button is for. */
export const sessionForm = z.object({ sessionId: z.coerce.number().int().positive() });
