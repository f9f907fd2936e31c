export {
  CHINA_TIME_ZONE,
  chinaDateOf,
  endOfChinaDay,
  startOfChinaDay,
  todayInChina,
  type IsoDate,
} from './dates';
export {
  CalendarDataError,
  validateCalendarData,
  type CalendarData,
  type CalendarYear,
  type HolidayRange,
  type SwappedWorkday,
} from './calendar-data';
export {
  CN_CALENDAR_FILE,
  DayKind,
  WORKDAYS_CALENDAR_FILE_ENV,
  WorkCalendar,
  type DayInfo,
  type PauseInterval,
} from './work-calendar';
