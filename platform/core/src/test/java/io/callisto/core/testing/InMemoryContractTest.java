package io.callisto.core.testing;

import io.callisto.core.auth.ClusterSecretRepository;
import io.callisto.core.auth.InMemoryLoginThrottle;
import io.callisto.core.auth.LoginThrottle;
import io.callisto.core.auth.ThrottlePolicy;
import io.callisto.core.contract.AgentSettingsRepositoryContract;
import io.callisto.core.contract.BillingRepositoriesContract;
import io.callisto.core.contract.CallRecordRepositoryContract;
import io.callisto.core.contract.NumberRepositoryContract;
import io.callisto.core.contract.TrunkRepositoryContract;
import io.callisto.core.contract.TenantPurgeContract;
import io.callisto.core.contract.UsageLedgerContract;
import io.callisto.core.contract.AgentStateLogContract;
import io.callisto.core.contract.AwayReasonRepositoryContract;
import io.callisto.core.contract.ContactRepositoryContract;
import io.callisto.core.contract.InteractionHistoryContract;
import io.callisto.core.contract.LoginThrottleContract;
import io.callisto.core.contract.ClusterSecretRepositoryContract;
import io.callisto.core.contract.CredentialRepositoryContract;
import io.callisto.core.contract.QueueRepositoryContract;
import io.callisto.core.contract.RepositoryFixture;
import io.callisto.core.contract.TenantRepositoryContract;
import io.callisto.core.contract.UserRepositoryContract;
import org.junit.jupiter.api.Nested;

/** The repository contracts against the in-memory implementation. */
class InMemoryContractTest {
    @Nested
    class Tenants extends TenantRepositoryContract {
        @Override
        protected RepositoryFixture createFixture() {
            return new InMemoryStore();
        }
    }

    @Nested
    class Users extends UserRepositoryContract {
        @Override
        protected RepositoryFixture createFixture() {
            return new InMemoryStore();
        }
    }

    @Nested
    class Credentials extends CredentialRepositoryContract {
        @Override
        protected RepositoryFixture createFixture() {
            return new InMemoryStore();
        }
    }

    @Nested
    class Agents extends AgentSettingsRepositoryContract {
        @Override
        protected RepositoryFixture createFixture() {
            return new InMemoryStore();
        }
    }

    @Nested
    class Queues extends QueueRepositoryContract {
        @Override
        protected RepositoryFixture createFixture() {
            return new InMemoryStore();
        }
    }

    @Nested
    class AwayReasons extends AwayReasonRepositoryContract {
        @Override
        protected RepositoryFixture createFixture() {
            return new InMemoryStore();
        }
    }

    @Nested
    class StateLog extends AgentStateLogContract {
        @Override
        protected RepositoryFixture createFixture() {
            return new InMemoryStore();
        }
    }

    @Nested
    class History extends InteractionHistoryContract {
        @Override
        protected RepositoryFixture createFixture() {
            return new InMemoryStore();
        }
    }

    @Nested
    class Contacts extends ContactRepositoryContract {
        @Override
        protected RepositoryFixture createFixture() {
            return new InMemoryStore();
        }
    }

    @Nested
    class Secrets extends ClusterSecretRepositoryContract {
        private final InMemoryClusterSecretRepository secrets = new InMemoryClusterSecretRepository();

        @Override
        protected ClusterSecretRepository secrets() {
            return secrets;
        }
    }

    @Nested
    class Throttle extends LoginThrottleContract {
        @Override
        protected LoginThrottle create(ThrottlePolicy policy, MutableClock clock) {
            return new InMemoryLoginThrottle(policy, clock);
        }
    }

    @Nested
    class Billing extends BillingRepositoriesContract {
        @Override
        protected RepositoryFixture createFixture() {
            return new InMemoryStore();
        }
    }

    @Nested
    class Usage extends UsageLedgerContract {
        @Override
        protected RepositoryFixture createFixture() {
            return new InMemoryStore();
        }
    }

    @Nested
    class Purge extends TenantPurgeContract {
        @Override
        protected RepositoryFixture createFixture() {
            return new InMemoryStore();
        }
    }

    @Nested
    class Trunks extends TrunkRepositoryContract {
        @Override
        protected RepositoryFixture createFixture() {
            return new InMemoryStore();
        }
    }

    @Nested
    class Numbers extends NumberRepositoryContract {
        @Override
        protected RepositoryFixture createFixture() {
            return new InMemoryStore();
        }
    }

    @Nested
    class Calls extends CallRecordRepositoryContract {
        @Override
        protected RepositoryFixture createFixture() {
            return new InMemoryStore();
        }
    }
}
