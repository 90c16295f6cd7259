// The contact panel (issue 13): what the team keeps about a customer beside the conversation.
export { getContactPanel } from "./panel";
export { removeAttribute, saveAttribute, updateContact } from "./write";
