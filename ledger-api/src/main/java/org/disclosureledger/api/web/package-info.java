/** Cross-cutting HTTP concerns of the API: request size limits, and the database connections requests take. */
package org.disclosureledger.api.web;
