import { z } from "zod";

/*
 * The form that only actions read: the buttons of the programme and of "My agenda" (sign up,
 * cancel, add to or remove from My agenda) post an intent and a session, with nothing to check in
 * the browser. Here, on the server side, so that those pages send no zod to the browser; each
 * action builds its union of intents itself.
 */

/** The session a button is for. */
export const sessionForm = z.object({ sessionId: z.coerce.number().int().positive() });
