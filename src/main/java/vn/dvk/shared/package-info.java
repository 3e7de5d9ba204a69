/**
 * The small common kernel: Vietnamese text keys, the problem-details error format, paging, tabular
 * file reading and web settings. Open to every module.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package vn.dvk.shared;
