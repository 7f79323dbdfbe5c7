/** What `act` throws, or null when it returns: lets a test assess an error's fields plainly. */
export function thrown(act: () => unknown): unknown {
  try {
    act();
  } catch (error) {
    return error;
  }
  return null;
}
