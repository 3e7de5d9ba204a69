/**
 * The small common kernel: Vietnamese text keys, the problem-details error format, paging, tabular
 * file reading and web settings. Open to every module.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package vn.dvk.shared;

import org.springframework.modulith.ApplicationModule;
