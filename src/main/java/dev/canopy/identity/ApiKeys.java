package dev.canopy.identity;

import dev.canopy.audit.AuditLog;
import dev.canopy.identity.internal.ApiKeyTable;
import dev.canopy.identity.internal.Tokens;
import dev.canopy.identity.security.Principals;
import dev.canopy.platform.CurrentWorkspace;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.shared.NotFoundException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API keys: {@code cnp_<8 characters>_<secret>}. The first part is a public prefix that identifies the key
 * in lists and logs; the whole key is shown once and stored only as a hash.
 */
@Service
public class ApiKeys {

    static final String KEY_START = "cnp_";
    static final int PREFIX_LENGTH = KEY_START.length() + 8;

    private final ApiKeyTable keys;
    private final CurrentWorkspace currentWorkspace;
    private final AuditLog audit;
    private final Clock clock;

    ApiKeys(ApiKeyTable keys, CurrentWorkspace currentWorkspace, AuditLog audit, Clock clock) {
        this.keys = keys;
        this.currentWorkspace = currentWorkspace;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<ApiKeyView> list() {
        return keys.list(currentWorkspace.id());
    }

    @Transactional
    public CreatedApiKey create(String name, ApiKeyScope scope) {
        InvalidInputException.collect(() -> Workspaces.requireText("name", name, 80), () -> {
            if (scope == null) {
                throw new InvalidInputException("scope", "Choose what the key may do");
            }
        });
        UUID id = UUID.randomUUID();
        String prefix = KEY_START + Tokens.random(6).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "x");
        String secret = prefix + "_" + Tokens.random(32);
        keys.insert(
                id,
                currentWorkspace.id(),
                name.strip(),
                prefix,
                Tokens.hash(secret),
                scope,
                Principals.account().accountId(),
                clock.instant());
        ApiKeyView created = keys.find(currentWorkspace.id(), id).orElseThrow();
        audit.record("api_key.created", "api_key", id, null, created);
        return new CreatedApiKey(created, secret);
    }

    @Transactional
    public ApiKeyView revoke(UUID id) {
        ApiKeyView before = keys.find(currentWorkspace.id(), id).orElseThrow(() -> new NotFoundException("API key"));
        if (!keys.revoke(currentWorkspace.id(), id, clock.instant())) {
            return before;
        }
        ApiKeyView after = keys.find(currentWorkspace.id(), id).orElseThrow();
        audit.record("api_key.revoked", "api_key", id, before, after);
        return after;
    }

    /** The key's credential when {@code secret} is a live key of some workspace. Records its use. */
    @Transactional
    public Optional<ApiKeyTable.Credential> authenticate(String secret) {
        if (secret == null || secret.length() < PREFIX_LENGTH + 2 || !secret.startsWith(KEY_START)) {
            return Optional.empty();
        }
        Optional<ApiKeyTable.Credential> credential = keys.credential(secret.substring(0, PREFIX_LENGTH))
                .filter(c -> !c.revoked())
                .filter(c -> Tokens.sameHash(c.secretHash(), Tokens.hash(secret)));
        credential.ifPresent(c -> keys.touch(c.id(), clock.instant()));
        return credential;
    }
}
