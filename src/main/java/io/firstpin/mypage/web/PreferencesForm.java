package io.firstpin.mypage.web;

import java.util.List;

/** The preferences page's form: the keys of the topics the member wants; every other offered topic is not wanted. */
record PreferencesForm(List<String> wanted) {
}
