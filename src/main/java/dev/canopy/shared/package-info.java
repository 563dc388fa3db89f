/** Tiny value types with no framework in them, shared by every module. */
package dev.canopy.shared;
