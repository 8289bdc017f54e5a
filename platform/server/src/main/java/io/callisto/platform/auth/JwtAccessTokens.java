package io.callisto.platform.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.callisto.core.auth.AccessTokens;
import io.callisto.core.auth.Caller;
import io.callisto.core.ids.Ids;
import io.callisto.core.ids.TenantId;
import io.callisto.core.user.Role;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * HS256-signed JWT access tokens. The key is shared by every platform member (from configuration or the
 * database), so any member verifies any token without a lookup. Only HS256 is accepted ("alg" is pinned).
 */
public final class JwtAccessTokens implements AccessTokens {
    private static final String ISSUER = "callisto";
    private static final String AUDIENCE = "callisto-api";
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);
    private static final JOSEObjectType TYPE = new JOSEObjectType("at+jwt");

    private final MACSigner signer;
    private final MACVerifier verifier;
    private final Duration ttl;
    private final Clock clock;

    public JwtAccessTokens(byte[] key, Duration ttl, Clock clock) {
        if (key.length < 32) {
            throw new IllegalArgumentException("the signing key must have at least 256 bits");
        }
        try {
            this.signer = new MACSigner(key);
            this.verifier = new MACVerifier(key);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("unusable signing key", e);
        }
        this.ttl = ttl;
        this.clock = clock;
    }

    @Override
    public Issued issue(Caller caller) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(caller.principalId())
                .claim("tid", caller.tenantId().value())
                .claim("roles", caller.roles().stream().map(Enum::name).sorted().toList())
                .claim("knd", caller.kind().name())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .jwtID(Ids.next('j'))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(TYPE).build(), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign an access token", e);
        }
        return new Issued(jwt.serialize(), ttl);
    }

    @Override
    public Optional<Caller> verify(String token) {
        if (token == null || token.length() > 4096) {
            return Optional.empty();
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !TYPE.equals(jwt.getHeader().getType())
                    || !jwt.verify(verifier)) {
                return Optional.empty();
            }
            return callerOf(jwt.getJWTClaimsSet());
        } catch (ParseException | JOSEException | IllegalArgumentException | ClassCastException e) {
            return Optional.empty();
        }
    }

    private Optional<Caller> callerOf(JWTClaimsSet claims) throws ParseException {
        Instant now = clock.instant();
        Date exp = claims.getExpirationTime();
        Date iat = claims.getIssueTime();
        Date nbf = claims.getNotBeforeTime();
        if (exp == null || !exp.toInstant().plus(CLOCK_SKEW).isAfter(now)
                || iat == null || iat.toInstant().minus(CLOCK_SKEW).isAfter(now)
                || (nbf != null && nbf.toInstant().minus(CLOCK_SKEW).isAfter(now))
                || !ISSUER.equals(claims.getIssuer()) || !claims.getAudience().contains(AUDIENCE)) {
            return Optional.empty();
        }
        String tenant = claims.getStringClaim("tid");
        String subject = claims.getSubject();
        List<String> roleNames = claims.getStringListClaim("roles");
        String kind = claims.getStringClaim("knd");
        if (tenant == null || subject == null || roleNames == null || kind == null) {
            return Optional.empty();
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        roleNames.forEach(r -> roles.add(Role.valueOf(r)));
        return Optional.of(new Caller(new TenantId(tenant), subject, Caller.Kind.valueOf(kind), roles));
    }
}
