export const deep = "深";
