package org.macm.link;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import org.macm.core.log.StationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TLS 1.3 with mutual authentication where trust is pinning: each side presents its own
 * self-signed certificate and accepts only a certificate it pinned with {@code macm peer add},
 * byte for byte. There is no CA, so a certificate from any CA, or one pinned for another
 * station, is refused during the handshake. A pinned certificate that does not fit the
 * {@link CertificateProfile} (pinned before {@code macm peer add} checked it) is refused too,
 * with the reason, so the operator re-pins a proper one instead of trusting it on.
 */
public final class PinnedTls {
    private static final Logger LOG = LoggerFactory.getLogger(PinnedTls.class);
    static final String[] PROTOCOLS = {"TLSv1.3"};

    private final SSLContext context;
    private final Map<StationId, X509Certificate> pinned;
    /** Per pinned station whose certificate breaks the profile, why: its handshakes are refused with it. */
    private final Map<StationId, String> offProfile;

    public PinnedTls(PrivateKey key, X509Certificate certificate, Map<StationId, X509Certificate> pinned,
            SecureRandom random) {
        this.pinned = Map.copyOf(pinned);
        Map<StationId, String> refusals = new HashMap<>();
        this.pinned.forEach((station, cert) -> CertificateProfile.refusal(cert, station).ifPresent(why -> {
            refusals.put(station, why);
            LOG.warn("the pinned certificate of {} is refused: {}; pin its identity again (remove its file in peers/"
                    + " and run 'macm peer add')", station, why);
        }));
        this.offProfile = Map.copyOf(refusals);
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            char[] password = new char[0];
            ks.setKeyEntry("station", key, password, new X509Certificate[] {certificate});
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, password);
            context = SSLContext.getInstance("TLSv1.3");
            context.init(kmf.getKeyManagers(), new TrustManager[] {new PinningTrustManager()}, random);
        } catch (GeneralSecurityException | IOException e) {
            throw new LinkException(ErrorCode.INTERNAL, "cannot set up TLS: " + e.getMessage(), e);
        }
    }

    SSLContext context() {
        return context;
    }

    /**
     * Connects to {@code endpoint} and completes the TLS handshake, presenting this station's
     * certificate and accepting only a pinned one. Which station answered is {@link #peerOf}.
     */
    public SSLSocket connect(InetSocketAddress endpoint, int timeoutMillis) throws IOException {
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket();
        try {
            configure(socket, false);
            socket.setSSLParameters(parameters(socket));
            socket.connect(endpoint, timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            socket.startHandshake();
            return socket;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    static void configure(SSLSocket socket, boolean server) {
        socket.setEnabledProtocols(PROTOCOLS);
        socket.setUseClientMode(!server);
        if (server) {
            socket.setNeedClientAuth(true);
        }
    }

    /** The pinned station whose certificate the peer of this handshake presented. */
    public Optional<StationId> peerOf(SSLSession session) {
        try {
            X509Certificate presented = (X509Certificate) session.getPeerCertificates()[0];
            return stationOf(presented);
        } catch (SSLPeerUnverifiedException e) {
            return Optional.empty();
        }
    }

    private Optional<StationId> stationOf(X509Certificate presented) {
        for (Map.Entry<StationId, X509Certificate> e : pinned.entrySet()) {
            if (sameCertificate(e.getValue(), presented)) {
                return Optional.of(e.getKey());
            }
        }
        return Optional.empty();
    }

    private static boolean sameCertificate(X509Certificate a, X509Certificate b) {
        try {
            return Arrays.equals(a.getEncoded(), b.getEncoded());
        } catch (java.security.cert.CertificateEncodingException e) {
            return false;
        }
    }

    /** Accepts exactly the pinned certificates; names the presented subject when it refuses. */
    private final class PinningTrustManager extends X509ExtendedTrustManager {
        private void check(X509Certificate[] chain) throws CertificateException {
            if (chain == null || chain.length == 0) {
                throw new CertificateException("the peer presented no certificate");
            }
            Optional<StationId> station = stationOf(Objects.requireNonNull(chain[0]));
            if (station.isEmpty()) {
                throw new CertificateException("certificate of '" + chain[0].getSubjectX500Principal().getName()
                        + "' is not pinned: only certificates pinned with 'macm peer add' are accepted");
            }
            String refusal = offProfile.get(station.get());
            if (refusal != null) {
                throw new CertificateException(refusal);
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            check(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            check(chain);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            check(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            check(chain);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            check(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            check(chain);
        }

        /**
         * None: with a list, TLS 1.3 clients send no certificate at all unless its issuer is on
         * it, and the refusal would read "empty certificate chain" instead of naming the
         * certificate that is not pinned.
         */
        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    /** Parameters that turn off endpoint (host name) identification: pinning replaces it. */
    static SSLParameters parameters(SSLSocket socket) {
        SSLParameters p = socket.getSSLParameters();
        p.setEndpointIdentificationAlgorithm(null);
        return p;
    }
}
