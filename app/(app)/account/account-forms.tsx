"use client";

import { Button } from "@/components/ui/button";
import { FormMessage, TextField } from "@/components/forms/field";
import { useActionForm } from "@/components/forms/use-action-form";
import { changePasswordSchema, profileSchema } from "@/lib/auth/schemas";
import { changePasswordAction, updateProfileAction } from "./actions";

export function ProfileForm({ name }: { name: string }) {
  const { form, onSubmit, message, pending } = useActionForm({
    schema: profileSchema,
    action: updateProfileAction,
    defaultValues: { name },
    onSuccess: () => "Your name is saved.",
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <TextField id="name" label="Name" autoComplete="name" error={form.formState.errors.name?.message} {...form.register("name")} />
      <FormMessage message={message} />
      <Button type="submit" pending={pending} pendingLabel="Saving…">
        Save name
      </Button>
    </form>
  );
}

export function PasswordForm() {
  const { form, onSubmit, message, pending } = useActionForm({
    schema: changePasswordSchema,
    action: changePasswordAction,
    defaultValues: { currentPassword: "", password: "", confirmPassword: "" },
    onSuccess: () => "Your password is changed. Every other session has been signed out.",
    resetOnSuccess: true,
  });
  const errors = form.formState.errors;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <TextField id="currentPassword" label="Current password" type="password" autoComplete="current-password" error={errors.currentPassword?.message} {...form.register("currentPassword")} />
      <TextField id="newPassword" label="New password" type="password" autoComplete="new-password" hint="At least 10 characters." error={errors.password?.message} {...form.register("password")} />
      <TextField id="confirmNewPassword" label="Repeat the new password" type="password" autoComplete="new-password" error={errors.confirmPassword?.message} {...form.register("confirmPassword")} />
      <FormMessage message={message} />
      <Button type="submit" pending={pending} pendingLabel="Changing…">
        Change password
      </Button>
    </form>
  );
}
