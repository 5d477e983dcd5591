"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/actions/action";
import { adminCreateUser, changeRole, resetPassword, setDisabled } from "@/lib/data/user-admin";

// Inputs are validated by the data layer (newUserSchema, roleChangeSchema, disableSchema, passwordResetSchema).
const done = <T>(run: Promise<T>) => run.then((value) => (revalidatePath("/admin/users"), value));

export const createUserAction = action(z.unknown(), async (actor, input) => {
  const user = await done(adminCreateUser(actor, input));
  return { id: user.id };
});
export const changeRoleAction = action(z.unknown(), (actor, input) => done(changeRole(actor, input)));
export const setDisabledAction = action(z.unknown(), (actor, input) => done(setDisabled(actor, input)));
export const resetPasswordAction = action(z.unknown(), (actor, input) => done(resetPassword(actor, input)));
