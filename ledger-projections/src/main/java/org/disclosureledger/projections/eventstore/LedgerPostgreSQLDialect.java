package org.disclosureledger.projections.eventstore;

import java.sql.Types;
import org.hibernate.boot.model.TypeContributions;
import org.hibernate.dialect.DatabaseVersion;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.hibernate.service.ServiceRegistry;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.jdbc.BinaryJdbcType;

/**
 * PostgreSQL as the ledger uses it: a {@code @Lob byte[]} (Axon's event payloads, metadata and tokens) is a
 * {@code bytea} column, read and written as plain bytes.
 *
 * <p>Hibernate's own PostgreSQL dialect maps such a field to {@code oid}, a large object stored outside the table:
 * SQL then cannot read the JSON, a large-object vacuum is needed, and the append-only triggers would not cover the
 * content. The Flyway migrations declare {@code bytea}; this dialect makes Hibernate expect and bind it.
 */
public class LedgerPostgreSQLDialect extends PostgreSQLDialect {

    /** For Hibernate, which passes what it learnt about the server when it connected. */
    public LedgerPostgreSQLDialect(DialectResolutionInfo info) {
        super(info);
    }

    /** For configuration without a connection; assumes the oldest PostgreSQL Hibernate supports. */
    public LedgerPostgreSQLDialect() {
        super();
    }

    /** For a known server version. */
    public LedgerPostgreSQLDialect(DatabaseVersion version) {
        super(version);
    }

    @Override
    protected String columnType(int sqlTypeCode) {
        return sqlTypeCode == SqlTypes.BLOB ? "bytea" : super.columnType(sqlTypeCode);
    }

    @Override
    protected String castType(int sqlTypeCode) {
        return sqlTypeCode == SqlTypes.BLOB ? "bytea" : super.castType(sqlTypeCode);
    }

    @Override
    public void contributeTypes(TypeContributions typeContributions, ServiceRegistry serviceRegistry) {
        super.contributeTypes(typeContributions, serviceRegistry);
        typeContributions
                .getTypeConfiguration()
                .getJdbcTypeRegistry()
                .addDescriptor(Types.BLOB, BinaryJdbcType.INSTANCE);
    }
}
