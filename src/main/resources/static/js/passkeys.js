// Passkeys through Spring Security's WebAuthn endpoints: adding one on the account page, signing in with one on /login.
// Binary values travel as base64url, as Spring Security's own script sends them.
"use strict";
(() => {
  const toBase64Url = (buffer) => btoa(String.fromCharCode(...new Uint8Array(buffer)))
      .replace(/=/g, "").replace(/\+/g, "-").replace(/\//g, "_");
  const fromBase64Url = (text) => {
    const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0)).buffer;
  };
  const csrfHeaders = () => {
    const token = document.querySelector("meta[name=_csrf]");
    const header = document.querySelector("meta[name=_csrf_header]");
    return token && header ? { [header.content]: token.content } : {};
  };
  const post = async (url, body) => {
    const response = await fetch(url, {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", ...csrfHeaders() },
      body: body === undefined ? undefined : JSON.stringify(body)
    });
    if (!response.ok) {
      throw new Error("HTTP " + response.status);
    }
    return response.json();
  };
  const show = (id) => {
    const element = document.getElementById(id);
    if (element) {
      element.hidden = false;
    }
  };

  async function register(context, label) {
    const options = await post(context + "webauthn/register/options");
    const credential = await navigator.credentials.create({
      publicKey: {
        ...options,
        user: { ...options.user, id: fromBase64Url(options.user.id) },
        challenge: fromBase64Url(options.challenge),
        excludeCredentials: (options.excludeCredentials || []).map((c) => ({ ...c, id: fromBase64Url(c.id) }))
      }
    });
    const result = await post(context + "webauthn/register", {
      publicKey: {
        label,
        credential: {
          id: credential.id,
          rawId: toBase64Url(credential.rawId),
          response: {
            attestationObject: toBase64Url(credential.response.attestationObject),
            clientDataJSON: toBase64Url(credential.response.clientDataJSON),
            transports: credential.response.getTransports ? credential.response.getTransports() : []
          },
          type: credential.type,
          clientExtensionResults: credential.getClientExtensionResults(),
          authenticatorAttachment: credential.authenticatorAttachment
        }
      }
    });
    if (!result.success) {
      throw new Error("not registered");
    }
  }

  async function signIn(context) {
    const options = await post(context + "webauthn/authenticate/options");
    const credential = await navigator.credentials.get({
      publicKey: {
        ...options,
        challenge: fromBase64Url(options.challenge),
        allowCredentials: (options.allowCredentials || []).map((c) => ({ ...c, id: fromBase64Url(c.id) }))
      }
    });
    const result = await post(context + "login/webauthn", {
      id: credential.id,
      rawId: toBase64Url(credential.rawId),
      response: {
        authenticatorData: toBase64Url(credential.response.authenticatorData),
        clientDataJSON: toBase64Url(credential.response.clientDataJSON),
        signature: toBase64Url(credential.response.signature),
        userHandle: credential.response.userHandle ? toBase64Url(credential.response.userHandle) : undefined
      },
      credType: credential.type,
      clientExtensionResults: credential.getClientExtensionResults(),
      authenticatorAttachment: credential.authenticatorAttachment
    });
    if (!(result.authenticated && result.redirectUrl)) {
      throw new Error("not signed in");
    }
    return result.redirectUrl;
  }

  document.addEventListener("DOMContentLoaded", () => {
    const add = document.getElementById("passkey-add-button");
    if (add) {
      if (!window.PublicKeyCredential) {
        show("passkey-unsupported");
        add.disabled = true;
      }
      add.addEventListener("click", async () => {
        const label = document.getElementById("passkey-label");
        if (!label.reportValidity()) {
          return;
        }
        try {
          await register(add.dataset.context, label.value.trim());
          window.location.href = add.dataset.done;
        } catch (e) {
          show("passkey-error");
        }
      });
    }
    const login = document.getElementById("passkey-sign-in");
    if (login) {
      login.addEventListener("click", async () => {
        try {
          window.location.href = await signIn(login.dataset.context);
        } catch (e) {
          show("passkey-failed");
        }
      });
    }
  });
})();
