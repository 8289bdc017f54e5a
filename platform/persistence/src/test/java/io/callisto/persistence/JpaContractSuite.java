package io.callisto.persistence;

import io.callisto.core.auth.ClusterSecretRepository;
import io.callisto.core.contract.AgentSettingsRepositoryContract;
import io.callisto.core.contract.AgentStateLogContract;
import io.callisto.core.contract.AwayReasonRepositoryContract;
import io.callisto.core.contract.BillingRepositoriesContract;
import io.callisto.core.contract.CallRecordRepositoryContract;
import io.callisto.core.contract.NumberRepositoryContract;
import io.callisto.core.contract.TrunkRepositoryContract;
import io.callisto.core.contract.ClusterSecretRepositoryContract;
import io.callisto.core.contract.ContactRepositoryContract;
import io.callisto.core.contract.CredentialRepositoryContract;
import io.callisto.core.contract.InteractionHistoryContract;
import io.callisto.core.contract.QueueRepositoryContract;
import io.callisto.core.contract.RepositoryFixture;
import io.callisto.core.contract.TenantPurgeContract;
import io.callisto.core.contract.TenantRepositoryContract;
import io.callisto.core.contract.UsageLedgerContract;
import io.callisto.core.contract.UserRepositoryContract;
import org.junit.jupiter.api.Nested;

/** Every repository contract and the ORM isolation checks on one JPA persistence unit; subclasses pick the database. */
abstract class JpaContractSuite {
    protected abstract JpaPersistence persistence();

    @Nested
    class Tenants extends TenantRepositoryContract {
        @Override
        protected RepositoryFixture createFixture() {
            return new JpaFixture(persistence());
        }
    }

    @Nested
    class Users extends UserRepositoryContract {
        @Override
        protected RepositoryFixture createFixture() {
            return new JpaFixture(persistence());
        }
    }

    @Nested
    class Credentials extends CredentialRepositoryContract {
        @Override
        protected RepositoryFixture createFixture() {
            return new JpaFixture(persistence());
        }
    }

    @Nested
    class Agents extends AgentSettingsRepositoryContract {
        @Override
        protected RepositoryFixture createFixture() {
            return new JpaFixture(persistence());
        }
    }

    @Nested
    class Queues extends QueueRepositoryContract {
        @Override
        protected RepositoryFixture createFixture() {
            return new JpaFixture(persistence());
        }
    }

    @Nested
    class AwayReasons extends AwayReasonRepositoryContract {
        @Override
        protected RepositoryFixture createFixture() {
            return new JpaFixture(persistence());
        }
    }

    @Nested
    class StateLog extends AgentStateLogContract {
        @Override
        protected RepositoryFixture createFixture() {
            return new JpaFixture(persistence());
        }
    }

    @Nested
    class History extends InteractionHistoryContract {
        @Override
        protected RepositoryFixture createFixture() {
            return new JpaFixture(persistence());
        }
    }

    @Nested
    class Contacts extends ContactRepositoryContract {
        @Override
        protected RepositoryFixture createFixture() {
            return new JpaFixture(persistence());
        }
    }

    @Nested
    class Trunks extends TrunkRepositoryContract {
        @Override
        protected RepositoryFixture createFixture() {
            return new JpaFixture(persistence());
        }
    }

    @Nested
    class Numbers extends NumberRepositoryContract {
        @Override
        protected RepositoryFixture createFixture() {
            return new JpaFixture(persistence());
        }
    }

    @Nested
    class Calls extends CallRecordRepositoryContract {
        @Override
        protected RepositoryFixture createFixture() {
            return new JpaFixture(persistence());
        }
    }

    @Nested
    class Billing extends BillingRepositoriesContract {
        @Override
        protected RepositoryFixture createFixture() {
            return JpaFixture.withEmptyBilling(persistence());
        }
    }

    @Nested
    class Usage extends UsageLedgerContract {
        @Override
        protected RepositoryFixture createFixture() {
            return JpaFixture.withEmptyBilling(persistence());
        }
    }

    @Nested
    class Purge extends TenantPurgeContract {
        @Override
        protected RepositoryFixture createFixture() {
            return JpaFixture.withEmptyBilling(persistence());
        }
    }

    @Nested
    class Secrets extends ClusterSecretRepositoryContract {
        @Override
        protected ClusterSecretRepository secrets() {
            return persistence().clusterSecrets();
        }
    }

    @Nested
    class Isolation extends TenantIsolationChecks {
        @Override
        protected JpaPersistence persistence() {
            return JpaContractSuite.this.persistence();
        }
    }

    @Nested
    class AcdChecks extends AcdPersistenceChecks {
        @Override
        protected JpaPersistence persistence() {
            return JpaContractSuite.this.persistence();
        }
    }

    @Nested
    class TelephonyChecks extends TelephonyPersistenceChecks {
        @Override
        protected JpaPersistence persistence() {
            return JpaContractSuite.this.persistence();
        }
    }

    @Nested
    class BillingChecks extends BillingPersistenceChecks {
        @Override
        protected JpaPersistence persistence() {
            return JpaContractSuite.this.persistence();
        }
    }
}
