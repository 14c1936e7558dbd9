/** Cross-cutting HTTP concerns of the API: request size limits. */
package org.disclosureledger.api.web;
