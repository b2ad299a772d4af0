/**
 * Entra ID (Azure AD) tokens for the Azure model clients, Python's {@code autogen_ext.auth.azure}:
 * start at {@link dev.autogen.ext.auth.azure.AzureTokenProvider}.
 */
@NullMarked
package dev.autogen.ext.auth.azure;

import org.jspecify.annotations.NullMarked;
