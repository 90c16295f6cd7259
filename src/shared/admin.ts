// What the admin pages and the admin API agree on.

/** The shortest password an admin may set for someone. */
export const MIN_PASSWORD_LENGTH = 8;
