// The rule tests lint their own code under this file name, so that it belongs to the project.
export {};
