// Placeholder: the element is being built.
export {};
