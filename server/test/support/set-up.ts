/**
 * A variable a beforeAll (or a spec) assigns, as its afterAll sees it. Jest runs afterAll even when beforeAll
 * failed, so whatever was not assigned yet is still undefined there, whatever the variable's declared type
 * says: teardown skips it (`await ifSetUp(server)?.stop()`) rather than throw a TypeError over the real failure.
 */
export const ifSetUp = <T>(value: T): T | undefined => value;
