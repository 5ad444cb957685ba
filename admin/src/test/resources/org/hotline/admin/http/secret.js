export const secret = "outside";
